import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthErrorCode, AuthenticateError, Client } from 'aedes';

export interface Login {
  username: string;
  password: string;
}

// Hashing first gives timingSafeEqual equal lengths, so a wrong guess leaks nothing by its length.
const digest = (value: string | Buffer) => createHash('sha256').update(value).digest();
const same = (given: string | Buffer | undefined, expected: string) =>
  given !== undefined && timingSafeEqual(digest(given), digest(expected));

/** MQTT 3.1.1 section 3.2.2.3, return code 4 (MQTT 5: 0x86): bad user name or password. */
const BAD_USERNAME_OR_PASSWORD = 4 as AuthErrorCode;

/**
 * aedes' `authenticate` for one user name and password (`--username`, `--password`). A refused
 * login is logged with where it came from, never with the password tried.
 */
export function checkLogin(expected: Login, log: (line: string) => void) {
  return (
    client: Client,
    username: Readonly<string | undefined>,
    password: Readonly<Buffer | undefined>,
    done: (error: AuthenticateError | null, success: boolean | null) => void,
  ): void => {
    // Both compared every time, so the time taken does not tell which one was wrong.
    const userOk = same(username, expected.username);
    const passwordOk = same(password, expected.password);
    if (userOk && passwordOk) return done(null, true);
    const peer = 'peer' in client.conn ? String(client.conn.peer) : 'a client';
    // The user name tried is left out too: people type passwords into it by mistake.
    log(
      `refused a login from ${peer} (client "${client.id}"): ` +
        (username === undefined ? 'no user name given' : 'wrong user name or password'),
    );
    done(
      Object.assign(new Error('Bad user name or password'), {
        returnCode: BAD_USERNAME_OR_PASSWORD,
      }),
      false,
    );
  };
}
