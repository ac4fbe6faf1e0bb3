export function ContentPage() {
  return <div>ContentPage</div>;
}
