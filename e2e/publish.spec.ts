import type { Packet } from 'mqtt';
import { expect, openDashboard, test } from './support/fixtures.ts';

test.describe('publishing from the UI', () => {
  for (const qos of [0, 1, 2] as const) {
    test(`QoS ${qos} reaches a Node subscriber with the exact payload`, async ({
      page,
      scope,
      nodeClient,
    }) => {
      const topic = `e2e/publish/qos${qos}`;
      const received = new Promise<{ payload: string; qos: number }>((resolve) => {
        nodeClient.on('message', (messageTopic, payload, packet: Packet & { qos?: number }) => {
          if (messageTopic === topic)
            resolve({ payload: payload.toString('utf8'), qos: packet.qos ?? 0 });
        });
      });
      await nodeClient.subscribeAsync(topic, { qos: 2 });

      await openDashboard(page, scope);
      const payload = `{"qos":${qos},"text":"héllo ✓","n":[1,2,3]}`;
      const form = page.getByRole('form', { name: 'Publish' });
      await form.getByLabel('Topic').fill(topic);
      await form.getByLabel('Payload').fill(payload);
      await form.getByLabel('Publish QoS').selectOption(String(qos));
      await form.getByRole('button', { name: 'Publish' }).click();

      expect(await received).toEqual({ payload, qos });
      const sent = page.getByRole('list', { name: 'Sent messages' }).getByRole('listitem').first();
      await expect(sent).toContainText(topic);
      const confirmation = [
        'sent (QoS 0 has no acknowledgement)',
        'PUBACK received',
        'PUBCOMP received',
      ][qos];
      await expect(sent).toContainText(confirmation ?? '');
    });
  }

  test('a retained message is kept by the broker', async ({ page, scope, nodeClient }) => {
    await openDashboard(page, scope);
    const form = page.getByRole('form', { name: 'Publish' });
    await form.getByLabel('Topic').fill('e2e/retained/setpoint');
    await form.getByLabel('Payload').fill('22.5');
    await form.getByLabel('Retain').check();
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('list', { name: 'Sent messages' })).toContainText('retained');
    await expect(page.getByRole('list', { name: 'Sent messages' })).toContainText(
      'PUBACK received',
    );

    const retained = new Promise<{ payload: string; retain: boolean }>((resolve) => {
      nodeClient.on('message', (topic, payload, packet) => {
        if (topic === 'e2e/retained/setpoint')
          resolve({ payload: payload.toString(), retain: packet.retain });
      });
    });
    await nodeClient.subscribeAsync('e2e/retained/setpoint');
    expect(await retained).toEqual({ payload: '22.5', retain: true });
  });

  test('a topic with wildcards is refused before sending', async ({ page, scope }) => {
    await openDashboard(page, scope);
    const form = page.getByRole('form', { name: 'Publish' });
    await form.getByLabel('Topic').fill('sensors/+/temperature');
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(form.getByRole('alert')).toContainText('+');
    await expect(page.getByRole('list', { name: 'Sent messages' })).toHaveCount(0);
  });
});
