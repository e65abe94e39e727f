export default function Page() {
  return <p>A bare Next.js page, the baseline of the bench.</p>;
}
