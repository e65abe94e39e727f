/** Where submissions waiting to be sent are kept; its own module so any page can look without loading the outbox code. */
export const OUTBOX_KEY = "glose-outbox";
