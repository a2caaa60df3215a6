/**
 * Build-time configuration. WXT_GOOGLE_CLIENT_ID is the OAuth client of the publisher's Google
 * Cloud project (a "Web application" client listing https://<extension-id>.chromiumapp.org/ as a
 * redirect URI). The default is a demo id in Google's format that the project's fake Google accepts.
 */
export const DEMO_GOOGLE_CLIENT_ID = '604383119208-ujzde8gxd6ncf10epf91dhodzdoc9is0.apps.googleusercontent.com';

export const GOOGLE_CLIENT_ID: string = import.meta.env.WXT_GOOGLE_CLIENT_ID || DEMO_GOOGLE_CLIENT_ID;
