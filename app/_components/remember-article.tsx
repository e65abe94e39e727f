"use client";

import { useEffect } from "react";
import { rememberDeviceArticle } from "@/app/_lib/device-articles";

export interface RememberArticleProps {
  slug: string;
  title: string;
  level: string;
}

/** On a teacher's article: this device has opened it, so the library lists it. Renders nothing. */
export function RememberArticle({ slug, title, level }: RememberArticleProps) {
  useEffect(() => {
    rememberDeviceArticle({ slug, title, level, role: "opened" });
  }, [slug, title, level]);
  return null;
}
