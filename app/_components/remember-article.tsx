"use client";

import { useEffect } from "react";
import { rememberDeviceArticle, type DeviceArticle } from "@/app/_lib/device-articles";

export type RememberArticleProps = Omit<DeviceArticle, "at" | "role">;

/** On a teacher's article: this device has opened it, so the library lists it. Renders nothing. */
export function RememberArticle(props: RememberArticleProps) {
  const key = JSON.stringify(props);
  useEffect(() => {
    rememberDeviceArticle({ ...(JSON.parse(key) as RememberArticleProps), role: "opened" });
  }, [key]);
  return null;
}
