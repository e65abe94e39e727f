"use client";

/** A failure while loading from the database is an error page (500), never a 404. */
export { PageError as default } from "@/app/_components/failure-panel";
