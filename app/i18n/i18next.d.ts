import "i18next";
import type { resources } from "./resources";

// Keys are typed from the English resources; the parity test keeps French in step.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: (typeof resources)["en"];
  }
}
