import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { isPrivateAddress } from '../domain/address-rules';

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export class RefusedTarget extends Error {}

/**
 * Outbound POSTs of signed deliveries over node's own http/https (keep-alive agents). The host is
 * resolved by a lookup that refuses private targets unless WEBHOOK_ALLOW_PRIVATE=true: the check
 * applies to the address actually connected to. Any answer body is read and discarded (up to the
 * timeout); the whole exchange is bounded by WEBHOOK_TIMEOUT_MS.
 */
@Injectable()
export class HttpSender implements OnModuleDestroy {
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 32 });
  private readonly lookup: LookupFunction;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const allowPrivate = config.webhookAllowPrivate;
    this.lookup = ((hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err) return callback(err, '', 4);
        const list = addresses as unknown as LookupAddress[];
        const refused = list.find((a) => isPrivateAddress(a.address));
        if (!allowPrivate && refused) {
          return callback(
            new RefusedTarget(
              `refused: ${hostname} resolves to a private address (${refused.address})`,
            ),
            '',
            4,
          );
        }
        if (options.all)
          return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
        callback(null, list[0].address, list[0].family);
      });
    }) as LookupFunction;
  }

  onModuleDestroy() {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  post(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = process.hrtime.bigint();
    const elapsed = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      const pending: { req?: http.ClientRequest } = {};
      const timer = setTimeout(() => {
        done({ statusCode: null, error: `timeout after ${this.config.webhookTimeoutMs} ms` });
        pending.req?.destroy();
      }, this.config.webhookTimeoutMs);
      const done = (r: Omit<SendResult, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...r, durationMs: elapsed() });
      };
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return done({ statusCode: null, error: 'invalid url' });
      }
      // An IP literal is connected to without a lookup: check it here.
      const literal = target.hostname.replace(/^\[|\]$/g, '');
      if (!this.config.webhookAllowPrivate && isIP(literal) !== 0 && isPrivateAddress(literal)) {
        return done({ statusCode: null, error: `refused: ${literal} is a private address` });
      }
      const isHttps = target.protocol === 'https:';
      const req = (isHttps ? https : http).request(
        target,
        {
          method: 'POST',
          agent: isHttps ? this.httpsAgent : this.httpAgent,
          lookup: this.lookup,
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'regcut-webhooks/1',
            ...headers,
          },
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => done({ statusCode: res.statusCode ?? null, error: null }));
          res.on('error', (err) =>
            done({ statusCode: res.statusCode ?? null, error: err.message }),
          );
        },
      );
      pending.req = req;
      req.on('error', (err) => done({ statusCode: null, error: err.message || String(err) }));
      req.end(body);
    });
  }
}
