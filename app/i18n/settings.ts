/**
 * What client code needs to know about i18next's setup, without importing the
 * resources: those would pull every namespace of every language into the bundle.
 */
export const defaultNamespace = "common";
