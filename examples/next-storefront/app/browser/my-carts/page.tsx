import { MyCarts } from "@/components/MyCarts";

/** The server cannot know this session (it is in the browser's storage): nothing to prefetch. */
export default function MyCartsPage() {
  return <MyCarts base="/browser" />;
}
