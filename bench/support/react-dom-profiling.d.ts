// `react-dom/profiling` is `react-dom/client` built for production with `<Profiler>` timings
// left on; @types/react-dom does not declare it.
declare module "react-dom/profiling" {
  export * from "react-dom/client";
}
