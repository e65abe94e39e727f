/** Words for the error page of this database-backed page. */
export { FailureWordsLayout as default } from "@/app/_components/failure-words";
