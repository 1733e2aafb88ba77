/**
 * The Sparkplug B payload schema (Eclipse Tahu's sparkplug_b.proto, Sparkplug 3.0 §6.4) as a
 * protobufjs JSON descriptor, so the worker reads it with no .proto parser. Field names are
 * protobufjs's camelCase (int_value → intValue). Extension ranges are left out: unknown fields
 * are skipped anyway, and the DataType enum lives in sparkplug-values.ts (a metric's datatype is
 * a plain uint32 on the wire). Checked against Tahu's own encoder in sparkplug-decoder.test.ts.
 */
import type { INamespace } from 'protobufjs/light.js';

export const SPARKPLUG_B_DESCRIPTOR: INamespace = {
  nested: {
    org: {
      nested: {
        eclipse: {
          nested: {
            tahu: {
              nested: {
                protobuf: {
                  nested: {
                    Payload: {
                      edition: 'proto2',
                      fields: {
                        timestamp: { type: 'uint64', id: 1 },
                        metrics: { rule: 'repeated', type: 'Metric', id: 2 },
                        seq: { type: 'uint64', id: 3 },
                        uuid: { type: 'string', id: 4 },
                        body: { type: 'bytes', id: 5 },
                      },
                      nested: {
                        Template: {
                          fields: {
                            version: { type: 'string', id: 1 },
                            metrics: { rule: 'repeated', type: 'Metric', id: 2 },
                            parameters: { rule: 'repeated', type: 'Parameter', id: 3 },
                            templateRef: { type: 'string', id: 4 },
                            isDefinition: { type: 'bool', id: 5 },
                          },
                          nested: {
                            Parameter: {
                              oneofs: {
                                value: {
                                  oneof: [
                                    'intValue',
                                    'longValue',
                                    'floatValue',
                                    'doubleValue',
                                    'booleanValue',
                                    'stringValue',
                                    'extensionValue',
                                  ],
                                },
                              },
                              fields: {
                                name: { type: 'string', id: 1 },
                                type: { type: 'uint32', id: 2 },
                                intValue: { type: 'uint32', id: 3 },
                                longValue: { type: 'uint64', id: 4 },
                                floatValue: { type: 'float', id: 5 },
                                doubleValue: { type: 'double', id: 6 },
                                booleanValue: { type: 'bool', id: 7 },
                                stringValue: { type: 'string', id: 8 },
                                extensionValue: {
                                  type: 'ParameterValueExtension',
                                  id: 9,
                                },
                              },
                              nested: { ParameterValueExtension: { fields: {} } },
                            },
                          },
                        },
                        DataSet: {
                          fields: {
                            numOfColumns: { type: 'uint64', id: 1 },
                            columns: { rule: 'repeated', type: 'string', id: 2 },
                            types: { rule: 'repeated', type: 'uint32', id: 3 },
                            rows: { rule: 'repeated', type: 'Row', id: 4 },
                          },
                          nested: {
                            DataSetValue: {
                              oneofs: {
                                value: {
                                  oneof: [
                                    'intValue',
                                    'longValue',
                                    'floatValue',
                                    'doubleValue',
                                    'booleanValue',
                                    'stringValue',
                                    'extensionValue',
                                  ],
                                },
                              },
                              fields: {
                                intValue: { type: 'uint32', id: 1 },
                                longValue: { type: 'uint64', id: 2 },
                                floatValue: { type: 'float', id: 3 },
                                doubleValue: { type: 'double', id: 4 },
                                booleanValue: { type: 'bool', id: 5 },
                                stringValue: { type: 'string', id: 6 },
                                extensionValue: {
                                  type: 'DataSetValueExtension',
                                  id: 7,
                                },
                              },
                              nested: { DataSetValueExtension: { fields: {} } },
                            },
                            Row: {
                              fields: {
                                elements: { rule: 'repeated', type: 'DataSetValue', id: 1 },
                              },
                            },
                          },
                        },
                        PropertyValue: {
                          oneofs: {
                            value: {
                              oneof: [
                                'intValue',
                                'longValue',
                                'floatValue',
                                'doubleValue',
                                'booleanValue',
                                'stringValue',
                                'propertysetValue',
                                'propertysetsValue',
                                'extensionValue',
                              ],
                            },
                          },
                          fields: {
                            type: { type: 'uint32', id: 1 },
                            isNull: { type: 'bool', id: 2 },
                            intValue: { type: 'uint32', id: 3 },
                            longValue: { type: 'uint64', id: 4 },
                            floatValue: { type: 'float', id: 5 },
                            doubleValue: { type: 'double', id: 6 },
                            booleanValue: { type: 'bool', id: 7 },
                            stringValue: { type: 'string', id: 8 },
                            propertysetValue: {
                              type: 'PropertySet',
                              id: 9,
                            },
                            propertysetsValue: {
                              type: 'PropertySetList',
                              id: 10,
                            },
                            extensionValue: {
                              type: 'PropertyValueExtension',
                              id: 11,
                            },
                          },
                          nested: { PropertyValueExtension: { fields: {} } },
                        },
                        PropertySet: {
                          fields: {
                            keys: { rule: 'repeated', type: 'string', id: 1 },
                            values: { rule: 'repeated', type: 'PropertyValue', id: 2 },
                          },
                        },
                        PropertySetList: {
                          fields: { propertyset: { rule: 'repeated', type: 'PropertySet', id: 1 } },
                        },
                        MetaData: {
                          fields: {
                            isMultiPart: { type: 'bool', id: 1 },
                            contentType: { type: 'string', id: 2 },
                            size: { type: 'uint64', id: 3 },
                            seq: { type: 'uint64', id: 4 },
                            fileName: { type: 'string', id: 5 },
                            fileType: { type: 'string', id: 6 },
                            md5: { type: 'string', id: 7 },
                            description: { type: 'string', id: 8 },
                          },
                        },
                        Metric: {
                          oneofs: {
                            value: {
                              oneof: [
                                'intValue',
                                'longValue',
                                'floatValue',
                                'doubleValue',
                                'booleanValue',
                                'stringValue',
                                'bytesValue',
                                'datasetValue',
                                'templateValue',
                                'extensionValue',
                              ],
                            },
                          },
                          fields: {
                            name: { type: 'string', id: 1 },
                            alias: { type: 'uint64', id: 2 },
                            timestamp: { type: 'uint64', id: 3 },
                            datatype: { type: 'uint32', id: 4 },
                            isHistorical: { type: 'bool', id: 5 },
                            isTransient: { type: 'bool', id: 6 },
                            isNull: { type: 'bool', id: 7 },
                            metadata: { type: 'MetaData', id: 8 },
                            properties: { type: 'PropertySet', id: 9 },
                            intValue: { type: 'uint32', id: 10 },
                            longValue: { type: 'uint64', id: 11 },
                            floatValue: { type: 'float', id: 12 },
                            doubleValue: { type: 'double', id: 13 },
                            booleanValue: { type: 'bool', id: 14 },
                            stringValue: { type: 'string', id: 15 },
                            bytesValue: { type: 'bytes', id: 16 },
                            datasetValue: { type: 'DataSet', id: 17 },
                            templateValue: {
                              type: 'Template',
                              id: 18,
                            },
                            extensionValue: {
                              type: 'MetricValueExtension',
                              id: 19,
                            },
                          },
                          nested: { MetricValueExtension: { fields: {} } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
