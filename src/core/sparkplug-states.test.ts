import { describe, expect, it } from 'vitest';
import { SparkplugStates, sparkplugStateWord } from './sparkplug-states.ts';

const summary = (states: SparkplugStates) =>
  states.list().map((s) => `${s.edgeNode}${s.device ? `/${s.device}` : ''} ${s.state} ${s.cause}`);

describe('SparkplugStates', () => {
  it('brings a node and its devices online with their BIRTHs', () => {
    const states = new SparkplugStates();
    expect(states.note('spBv1.0/plant/NBIRTH/edge', 1)).toBe(true);
    expect(states.note('spBv1.0/plant/DBIRTH/edge/pump', 2)).toBe(true);
    expect(states.note('spBv1.0/plant/DDATA/edge/pump', 3)).toBe(false);
    expect(summary(states)).toEqual(['edge online NBIRTH', 'edge/pump online DBIRTH']);
  });

  it('takes one device offline with its DDEATH, and every device with the NDEATH', () => {
    const states = new SparkplugStates();
    states.note('spBv1.0/plant/NBIRTH/edge', 1);
    states.note('spBv1.0/plant/DBIRTH/edge/pump', 1);
    states.note('spBv1.0/plant/DBIRTH/edge/tank', 1);
    states.note('spBv1.0/plant/DDEATH/edge/pump', 5);
    expect(summary(states)).toEqual([
      'edge online NBIRTH',
      'edge/pump offline DDEATH',
      'edge/tank online DBIRTH',
    ]);
    expect(states.note('spBv1.0/plant/NDEATH/edge', 9)).toBe(true);
    expect(summary(states)).toEqual([
      'edge offline NDEATH',
      'edge/pump offline DDEATH',
      'edge/tank offline NDEATH',
    ]);
    expect(states.list()[2]?.since).toBe(9);
  });

  it('counts data from a node never seen born as alive', () => {
    const states = new SparkplugStates();
    states.note('spBv1.0/g/DDATA/n/d', 4);
    expect(summary(states)).toEqual(['n online DDATA', 'n/d online DDATA']);
  });

  it('ignores commands, STATE and topics outside the namespace', () => {
    const states = new SparkplugStates();
    for (const topic of ['spBv1.0/g/NCMD/n', 'spBv1.0/STATE/host', 'demo/a/b', 'spBv1.0/g/NDATA'])
      expect(states.note(topic, 1)).toBe(false);
    expect(states.size).toBe(0);
  });

  it('does not confuse nodes whose names share a prefix', () => {
    const states = new SparkplugStates();
    states.note('spBv1.0/g/DBIRTH/n/d', 1);
    states.note('spBv1.0/g/DBIRTH/n2/d', 1);
    states.note('spBv1.0/g/NDEATH/n', 2);
    expect(summary(states)).toEqual([
      'n offline NDEATH',
      'n/d offline NDEATH',
      'n2 online DBIRTH',
      'n2/d online DBIRTH',
    ]);
  });

  it("ignores the NDEATH of an earlier session (another bdSeq) and obeys the current one's", () => {
    const states = new SparkplugStates();
    states.note('spBv1.0/plant/NBIRTH/edge', 1, () => 3);
    states.note('spBv1.0/plant/DBIRTH/edge/pump', 1);
    // The will of session 2, delivered after session 3 was born.
    expect(states.note('spBv1.0/plant/NDEATH/edge', 2, () => 2)).toBe(false);
    expect(summary(states)).toEqual(['edge online NBIRTH', 'edge/pump online DBIRTH']);
    expect(states.note('spBv1.0/plant/NDEATH/edge', 3, () => 3)).toBe(true);
    expect(summary(states)).toEqual(['edge offline NDEATH', 'edge/pump offline NDEATH']);
  });

  it('takes a node offline by its NDEATH when no bdSeq is known', () => {
    const states = new SparkplugStates();
    states.note('spBv1.0/plant/NDATA/edge', 1);
    expect(states.note('spBv1.0/plant/NDEATH/edge', 2, () => 7)).toBe(true);
    expect(summary(states)).toEqual(['edge offline NDEATH']);
  });
});

describe('sparkplugStateWord', () => {
  it('reads online from a BIRTH or data, offline from a DEATH, nothing from the rest', () => {
    expect(sparkplugStateWord('spBv1.0/plant/NBIRTH/edge')).toBe('online');
    expect(sparkplugStateWord('spBv1.0/plant/DDATA/edge/pump')).toBe('online');
    expect(sparkplugStateWord('spBv1.0/plant/NDEATH/edge')).toBe('offline');
    expect(sparkplugStateWord('spBv1.0/plant/DDEATH/edge/pump')).toBe('offline');
    expect(sparkplugStateWord('spBv1.0/plant/NCMD/edge')).toBeNull();
    expect(sparkplugStateWord('demo/plant/NDEATH/edge')).toBeNull();
  });
});
