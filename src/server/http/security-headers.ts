import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The app's pages load only their own bundles: Vite emits no inline script, so scripts are 'self' only
 * and an injected <script> or on*= handler never runs. Ant Design writes its CSS-in-JS as <style>
 * elements at run time, hence 'unsafe-inline' for styles alone (styles cannot run code). The county map
 * and the certificates' images are data: URLs; exported files are blob: downloads.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, ...(options.https ? { upgradeInsecureRequests: [] } : {}) } },
    // HSTS on a plain-HTTP deployment would only confuse a browser that later meets it over HTTPS.
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
}
