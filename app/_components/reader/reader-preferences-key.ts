export const READER_PREFERENCES_KEY = "glose:reader";
