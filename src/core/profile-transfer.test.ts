import { describe, expect, it } from 'vitest';
import { PROFILE_COLORS, createProfile } from './connection-profile.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportProfiles,
  importProfiles,
} from './profile-transfer.ts';

/**
 * An "all connections" JSON export as current MQTTX writes it: emqx/MQTTX
 * src/main/streamExportData.ts streams `ConnectionService.getConnectionsForExport()` through
 * src/utils/jsonStreamWriter.ts, i.e. a bare array of `ConnectionService.entityToModel` results
 * (src/database/services/ConnectionService.ts): every ConnectionEntity column (flat MQTT 5
 * columns included, userProperties as JSON text), then `will` and `properties` rebuilt as
 * objects, `subscriptions`, and `messages` written last. Collections are flat records with
 * `isCollection: true` (src/utils/connectionBackup.ts). reconnectPeriod is in milliseconds
 * (src/database/migration/1642321826532-reconnectPeriod.ts); connectTimeout in seconds
 * (src/utils/mqttUtils.ts converts it with convertSecondsToMs).
 */
const MQTTX_EXPORT = `[
  {
    "id": "4ac5bd3e-2b1e-4d5a-9a7c-0c5f0b6a3e11",
    "clientId": "mqttx_3f9a1c27",
    "name": "Plant A",
    "clean": false,
    "protocol": "wss",
    "host": "plant-a.example.com",
    "port": 8084,
    "keepalive": 60,
    "connectTimeout": 10,
    "reconnect": true,
    "reconnectPeriod": 5000,
    "username": "operator",
    "password": "s3cret",
    "path": "/mqtt",
    "certType": "",
    "ssl": true,
    "mqttVersion": "5.0",
    "unreadMessageCount": 0,
    "clientIdWithTime": false,
    "parentId": null,
    "orderId": 0,
    "rejectUnauthorized": true,
    "ALPNProtocols": null,
    "ca": "",
    "cert": "",
    "key": "",
    "isCollection": false,
    "createAt": "2024-05-21 09:12:44",
    "updateAt": "2024-05-21 09:20:03",
    "sessionExpiryInterval": 3600,
    "receiveMaximum": 100,
    "maximumPacketSize": null,
    "topicAliasMaximum": 10,
    "requestResponseInformation": true,
    "requestProblemInformation": null,
    "userProperties": "{\\"site\\":\\"plant-a\\"}",
    "authenticationMethod": null,
    "authenticationData": null,
    "pushPropsPayloadFormatIndicator": null,
    "pushPropsMessageExpiryInterval": null,
    "pushPropsTopicAlias": null,
    "pushPropsResponseTopic": null,
    "pushPropsCorrelationData": null,
    "pushPropsUserProperties": null,
    "pushPropsSubscriptionIdentifier": null,
    "pushPropsContentType": null,
    "subscriptions": [
      {
        "id": "9d1f0b52-6a43-4c1e-8f0e-1b7f2f6f0a01",
        "topic": "plant-a/+/temperature",
        "qos": 1,
        "disabled": false,
        "alias": "",
        "retain": false,
        "nl": false,
        "rap": false,
        "rh": 0,
        "subscriptionIdentifier": null,
        "userProperties": null,
        "color": "#34C388",
        "createAt": "2024-05-21 09:13:02",
        "connectionId": "4ac5bd3e-2b1e-4d5a-9a7c-0c5f0b6a3e11"
      },
      {
        "id": "9d1f0b52-6a43-4c1e-8f0e-1b7f2f6f0a02",
        "topic": "plant-a/alarms/#",
        "qos": 2,
        "disabled": false,
        "alias": "alarms",
        "retain": false,
        "nl": false,
        "rap": false,
        "rh": 0,
        "subscriptionIdentifier": null,
        "userProperties": null,
        "color": "#A853E6",
        "createAt": "2024-05-21 09:13:40",
        "connectionId": "4ac5bd3e-2b1e-4d5a-9a7c-0c5f0b6a3e11"
      }
    ],
    "will": {
      "id": "e3b2a7c1-0d44-4f7f-b1c5-6a2d9f3e7b10",
      "lastWillTopic": "plant-a/status",
      "lastWillPayload": "offline",
      "lastWillQos": 1,
      "lastWillRetain": true,
      "willDelayInterval": 5,
      "payloadFormatIndicator": null,
      "messageExpiryInterval": 86400,
      "contentType": "text/plain",
      "properties": {
        "willDelayInterval": 5,
        "payloadFormatIndicator": null,
        "messageExpiryInterval": 86400,
        "contentType": "text/plain"
      }
    },
    "properties": {
      "sessionExpiryInterval": 3600,
      "receiveMaximum": 100,
      "maximumPacketSize": null,
      "topicAliasMaximum": 10,
      "requestResponseInformation": true,
      "requestProblemInformation": null,
      "userProperties": {
        "site": "plant-a"
      },
      "authenticationMethod": null
    },
    "messages": [
      {
        "id": "0b9e5c3a-7d21-4e8b-9f60-2c4a1d7e5f33",
        "createAt": "2024-05-21 09:14:11:245",
        "out": false,
        "payload": "{\\"celsius\\":21.4}",
        "qos": 1,
        "retain": false,
        "topic": "plant-a/line-1/temperature",
        "payloadType": "JSON"
      }
    ]
  },
  {
    "id": "b57e7c0e-93d0-4b8a-a8f5-1a9e6c0d2f44",
    "name": "Lab",
    "isCollection": true,
    "orderId": 1,
    "parentId": null
  },
  {
    "id": "71c3f0d8-5a2b-4e09-9c6e-3f8b2a1d4c55",
    "clientId": "mqttx_8be0d412",
    "name": "Public EMQX",
    "clean": true,
    "protocol": "mqtt",
    "host": "broker.emqx.io",
    "port": 1883,
    "keepalive": 60,
    "connectTimeout": 10,
    "reconnect": false,
    "reconnectPeriod": 4000,
    "username": "",
    "password": "",
    "path": "/mqtt",
    "certType": "",
    "ssl": false,
    "mqttVersion": "3.1.1",
    "unreadMessageCount": 0,
    "clientIdWithTime": false,
    "parentId": "b57e7c0e-93d0-4b8a-a8f5-1a9e6c0d2f44",
    "orderId": 0,
    "rejectUnauthorized": true,
    "ALPNProtocols": null,
    "ca": "",
    "cert": "",
    "key": "",
    "isCollection": false,
    "createAt": "2024-05-22 14:01:09",
    "updateAt": "2024-05-22 14:01:09",
    "sessionExpiryInterval": null,
    "receiveMaximum": null,
    "maximumPacketSize": null,
    "topicAliasMaximum": null,
    "requestResponseInformation": null,
    "requestProblemInformation": null,
    "userProperties": null,
    "authenticationMethod": null,
    "authenticationData": null,
    "subscriptions": [],
    "will": {
      "id": "5f0c9e21-8b3d-4a6e-bd47-0e1c2a3b4d66",
      "lastWillTopic": "",
      "lastWillPayload": "",
      "lastWillQos": 0,
      "lastWillRetain": false,
      "willDelayInterval": null,
      "payloadFormatIndicator": null,
      "messageExpiryInterval": null,
      "contentType": "",
      "properties": {
        "willDelayInterval": null,
        "payloadFormatIndicator": null,
        "messageExpiryInterval": null,
        "contentType": ""
      }
    },
    "properties": {
      "sessionExpiryInterval": null,
      "receiveMaximum": null,
      "maximumPacketSize": null,
      "topicAliasMaximum": null,
      "requestResponseInformation": null,
      "requestProblemInformation": null,
      "authenticationMethod": null
    },
    "messages": []
  }
]
`;

/** In older MQTTX, exporting one connection wrote a bare object (src/components/ExportData.vue), with older field sets. */
const OLD_MQTTX_SINGLE = {
  clientId: 'mqttx_1a2b3c4d',
  name: 'Old gateway',
  clean: true,
  host: 'ws://gateway.local',
  port: 8083,
  keepalive: 30,
  connectTimeout: 4,
  reconnect: true,
  username: 'gw',
  password: '',
  path: 'mqtt',
  ssl: false,
  mqttVersion: '5.0',
  sessionExpiryInterval: 120,
  receiveMaximum: 20,
  subscriptions: [{ topic: 'gw/#', qos: '1', createAt: '2021-03-01 10:00:00' }],
  messages: [],
};

function importOk(text: string, options?: { usedColors?: readonly string[] }) {
  const result = importProfiles(text, options);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function importReason(text: string): string {
  const result = importProfiles(text);
  if (result.ok) throw new Error('expected the import to fail');
  return result.reason;
}

describe('exportProfiles', () => {
  const saved = createProfile({ name: 'Plant A', password: 'kept', savePassword: true });
  const memoryOnly = createProfile({ name: 'Plant B', password: 'secret' });

  it('writes pretty JSON with format, version, time and profiles', () => {
    const text = exportProfiles([saved], { includeSecrets: false });
    const file = JSON.parse(text);
    expect(text).toContain('\n  "format"');
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION });
    expect(new Date(file.exportedAt).toISOString()).toBe(file.exportedAt);
    expect(file.profiles).toHaveLength(1);
  });

  it('leaves passwords out unless secrets are included', () => {
    const text = exportProfiles([saved, memoryOnly], { includeSecrets: false });
    expect(text).not.toContain('kept');
    expect(text).not.toContain('secret');
  });

  it('never exports a password the user kept in memory only', () => {
    const text = exportProfiles([saved, memoryOnly], { includeSecrets: true });
    expect(text).toContain('kept');
    expect(text).not.toContain('secret');
  });
});

describe('importProfiles: MQTT Scope files', () => {
  const will = {
    topic: 'plant/status',
    payload: 'offline',
    qos: 1 as const,
    retain: true,
    delayIntervalSeconds: 5,
    messageExpirySeconds: null,
    contentType: 'text/plain',
    userProperties: [{ key: 'site', value: 'a' }],
  };
  const original = createProfile({
    name: 'Plant A',
    color: PROFILE_COLORS[3],
    protocolVersion: 5,
    will,
    password: 'kept',
    savePassword: true,
  });

  it('round-trips an export under fresh ids', () => {
    const { profiles, warnings } = importOk(exportProfiles([original], { includeSecrets: true }));
    expect(warnings).toEqual([]);
    expect(profiles).toHaveLength(1);
    const imported = profiles[0]?.profile;
    expect(imported).toEqual({ ...original, id: imported?.id });
    expect(imported?.id).not.toBe(original.id);
    expect(profiles[0]?.subscriptions).toEqual([]);
  });

  it('imports without the password when secrets were left out', () => {
    const { profiles } = importOk(exportProfiles([original], { includeSecrets: false }));
    expect(profiles[0]?.profile.password).toBe('');
  });

  it('reads a newer version as far as it can, and says so', () => {
    const file = JSON.parse(exportProfiles([original], { includeSecrets: false }));
    const { profiles, warnings } = importOk(
      JSON.stringify({ ...file, version: EXPORT_VERSION + 1 }),
    );
    expect(profiles).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/newer version of MQTT Scope/)]);
  });

  it('skips entries it cannot read, names them and imports the rest', () => {
    const file = JSON.parse(exportProfiles([original], { includeSecrets: false }));
    file.profiles.push({ name: 'Broken', port: 1 }, 7);
    const { profiles, warnings } = importOk(JSON.stringify(file));
    expect(profiles).toHaveLength(1);
    expect(warnings).toEqual([
      'Skipped "Broken": it could not be read.',
      'Skipped Connection 3: it could not be read.',
    ]);
  });

  it('names settings it had to reset, in words', () => {
    const file = JSON.parse(exportProfiles([original], { includeSecrets: false }));
    file.profiles[0].keepaliveSeconds = 'thirty';
    file.profiles[0].properties.receiveMaximum = 'many';
    const { profiles, warnings } = importOk(JSON.stringify(file));
    expect(profiles[0]?.profile.keepaliveSeconds).toBe(30);
    expect(warnings).toEqual([
      'Some settings of "Plant A" could not be read (keepalive seconds, properties receive maximum) and were set to their defaults.',
    ]);
  });

  it('says so when an export holds no connections', () => {
    const empty = JSON.stringify({ format: EXPORT_FORMAT, version: 1, profiles: [] });
    expect(importReason(empty)).toMatch(/holds no connections/);
    const broken = JSON.stringify({ format: EXPORT_FORMAT, version: 1, profiles: [{}] });
    expect(importReason(broken)).toMatch(/None of the connections/);
  });
});

describe('importProfiles: MQTTX exports', () => {
  it('imports each connection with its subscriptions and skips collections', () => {
    const { profiles } = importOk(MQTTX_EXPORT);
    expect(profiles.map(({ profile }) => profile.name)).toEqual(['Plant A', 'Public EMQX']);
  });

  it("maps MQTTX's fields, MQTT 5 properties and will onto a profile", () => {
    const [plantA] = importOk(MQTTX_EXPORT).profiles;
    expect(plantA?.profile).toMatchObject({
      scheme: 'wss',
      host: 'plant-a.example.com',
      port: 8084,
      path: '/mqtt',
      clientId: 'mqttx_3f9a1c27',
      username: 'operator',
      password: 's3cret',
      savePassword: false,
      protocolVersion: 5,
      cleanStart: false,
      keepaliveSeconds: 60,
      connectTimeoutSeconds: 10,
      reconnectPeriodSeconds: 5,
      sessionExpirySeconds: 3600,
      will: {
        topic: 'plant-a/status',
        payload: 'offline',
        qos: 1,
        retain: true,
        delayIntervalSeconds: 5,
        messageExpirySeconds: 86400,
        contentType: 'text/plain',
        userProperties: [],
      },
      properties: {
        receiveMaximum: 100,
        maximumPacketSize: null,
        topicAliasMaximum: 10,
        requestResponseInformation: true,
        userProperties: [{ key: 'site', value: 'plant-a' }],
      },
    });
    expect(plantA?.subscriptions).toEqual([
      { filter: 'plant-a/+/temperature', qos: 1 },
      { filter: 'plant-a/alarms/#', qos: 2 },
    ]);
  });

  it('imports a TCP connection over WebSockets and warns that the port needs changing', () => {
    const { profiles, warnings } = importOk(MQTTX_EXPORT);
    expect(profiles[1]?.profile).toMatchObject({
      scheme: 'ws',
      host: 'broker.emqx.io',
      port: 1883,
      protocolVersion: 4,
      reconnectPeriodSeconds: 0,
      will: null,
    });
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^"Public EMQX" used MQTT over TCP \(mqtt:\/\/broker\.emqx\.io:1883\).*WebSocket listener/,
      ),
    );
  });

  it('keeps imported passwords in memory only, and says so', () => {
    const { warnings } = importOk(MQTTX_EXPORT);
    expect(warnings).toContainEqual(
      expect.stringMatching(/Passwords were imported for this session only/),
    );
  });

  it('gives imported connections colours not yet used', () => {
    const { profiles } = importOk(MQTTX_EXPORT, { usedColors: [PROFILE_COLORS[0]] });
    expect(profiles.map(({ profile }) => profile.color)).toEqual([
      PROFILE_COLORS[1],
      PROFILE_COLORS[2],
    ]);
  });

  it('gives every import fresh ids, so importing twice never overwrites', () => {
    const first = importOk(MQTTX_EXPORT).profiles.map(({ profile }) => profile.id);
    const second = importOk(MQTTX_EXPORT).profiles.map(({ profile }) => profile.id);
    expect(new Set([...first, ...second]).size).toBe(4);
  });

  it('reads an older single-connection export with the scheme in the host', () => {
    const { profiles, warnings } = importOk(JSON.stringify(OLD_MQTTX_SINGLE));
    expect(warnings).toEqual([]);
    expect(profiles[0]?.profile).toMatchObject({
      name: 'Old gateway',
      scheme: 'ws',
      host: 'gateway.local',
      port: 8083,
      path: '/mqtt',
      protocolVersion: 5,
      reconnectPeriodSeconds: 4,
      connectTimeoutSeconds: 4,
      sessionExpirySeconds: 120,
      properties: { receiveMaximum: 20 },
    });
    expect(profiles[0]?.subscriptions).toEqual([{ filter: 'gw/#', qos: 1 }]);
  });

  it('unfolds collections nested as trees', () => {
    const tree = [{ id: 'c1', name: 'Folder', isCollection: true, children: [OLD_MQTTX_SINGLE] }];
    expect(importOk(JSON.stringify(tree)).profiles).toHaveLength(1);
  });

  it('warns about settings a browser cannot use', () => {
    const withCerts = {
      ...OLD_MQTTX_SINGLE,
      host: 'secure.example.com',
      protocol: 'wss',
      ssl: true,
      certType: 'self',
      ca: '/Users/me/ca.crt',
      mqttVersion: '3.1',
      authenticationMethod: 'SCRAM-SHA-256',
    };
    const { warnings } = importOk(JSON.stringify([withCerts]));
    expect(warnings).toEqual([
      expect.stringMatching(/MQTT 3\.1, .*imported as 3\.1\.1/),
      expect.stringMatching(/enhanced authentication/),
      expect.stringMatching(/certificate files/),
    ]);
  });

  it('skips unusable connections and subscriptions with a warning naming them', () => {
    const entries = [
      { ...OLD_MQTTX_SINGLE, name: 'No host', host: '' },
      { ...OLD_MQTTX_SINGLE, name: 'Bad port', port: 70000 },
      { ...OLD_MQTTX_SINGLE, subscriptions: [{ topic: 'a/#/b', qos: 0 }] },
      { something: 'else' },
    ];
    const { profiles, warnings } = importOk(JSON.stringify(entries));
    expect(profiles.map(({ profile }) => profile.name)).toEqual(['Old gateway']);
    expect(profiles[0]?.subscriptions).toEqual([]);
    expect(warnings).toEqual([
      'Skipped "No host": it has no host.',
      expect.stringMatching(/^Skipped "Bad port": The port 70000 is out of range/),
      expect.stringMatching(
        /^A subscription of "Old gateway" was skipped: '#' must be the last level/,
      ),
      'Skipped Connection 4: it is not an MQTTX connection.',
    ]);
  });

  it('fails with the reasons when no connection can be imported', () => {
    const reason = importReason(JSON.stringify([{ ...OLD_MQTTX_SINGLE, host: '' }]));
    expect(reason).toMatch(/^None of the connections in this MQTTX export could be imported\./);
    expect(reason).toMatch(/"Old gateway": it has no host/);
    expect(importReason(JSON.stringify([{ id: 'c', name: 'Empty', isCollection: true }]))).toMatch(
      /no connections/,
    );
  });
});

describe('importProfiles: other files', () => {
  it('says a file that is not JSON is not a connection export', () => {
    expect(importReason('name,host\nPlant A,plant-a')).toMatch(
      /^This file is not JSON, so it is not a connection export: /,
    );
  });

  it('says so when the file is empty', () => {
    expect(importReason(' \n')).toMatch(/empty/);
    expect(importReason('[]')).toMatch(/empty list/);
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(importOk(`\uFEFF${MQTTX_EXPORT}`).profiles).toHaveLength(2);
  });

  it('names a JSON file of another shape as not an export', () => {
    for (const text of ['{"theme":"dark"}', '[1,2,3]', '"text"', 'null', '42']) {
      expect(importReason(text)).toBe(
        'This file is JSON but not a connection export from MQTT Scope or MQTTX.',
      );
    }
  });

  it("recognises MQTT Explorer's connection settings", () => {
    // thomasnordquist/MQTT-Explorer app/src/model/ConnectionOptions.ts, keyed by id.
    const settings = {
      'test.mosquitto.org': {
        configVersion: 1,
        type: 'mqtt',
        id: 'test.mosquitto.org',
        host: 'test.mosquitto.org',
        protocol: 'mqtt',
        port: 1883,
        name: 'test.mosquitto.org',
        encryption: false,
        certValidation: true,
        clientId: 'mqtt-explorer-1a2b3c4d',
        subscriptions: [{ topic: '#', qos: 0 }],
      },
    };
    expect(importReason(JSON.stringify(settings))).toMatch(
      /not a connection export from MQTT Scope or MQTTX: it looks like MQTT Explorer/,
    );
  });

  it('tells apart an MQTT Scope file of another kind', () => {
    expect(importReason('{"format":"mqtt-scope/dashboard","version":1}')).toMatch(
      /MQTT Scope file of another kind/,
    );
  });
});
