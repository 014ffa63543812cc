/** Set by the browser (TimeZoneCookie): its own zone, for an operator who chose none. */
export const TIME_ZONE_COOKIE = 'admin-hub.tz';
