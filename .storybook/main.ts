import type { StorybookConfig } from "@storybook/react-vite";
import type { PluginOption } from "vite";

/**
 * vite-plugin-dts 5 registers itself under this name. Storybook reuses vite.config.ts, and
 * would otherwise fill its build with `.d.ts` files.
 */
const DECLARATIONS_PLUGIN = "unplugin-dts";

function withoutDeclarations(plugins: PluginOption[] | undefined): PluginOption[] | undefined {
  return plugins?.flat(Infinity).filter((plugin) => {
    const name = plugin && typeof plugin === "object" && "name" in plugin ? plugin.name : undefined;
    return name !== DECLARATIONS_PLUGIN;
  });
}

const config: StorybookConfig = {
  framework: "@storybook/react-vite",
  stories: ["../stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-a11y", "@storybook/addon-vitest", "msw-storybook-addon"],
  // Serves public/mockServiceWorker.js, the worker the fake Elastic Path runs in.
  staticDirs: ["../public"],
  // Offline by default: no telemetry, crash reports or "what's new" fetches.
  core: {
    disableTelemetry: true,
    enableCrashReports: false,
    disableWhatsNewNotifications: true,
  },
  // The demos are the product's, not a Storybook tutorial: no "Get started" checklist.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // No docs pages: skip prop-table extraction, which is most of the build time.
  typescript: { reactDocgen: false },
  viteFinal: (viteConfig) => ({ ...viteConfig, plugins: withoutDeclarations(viteConfig.plugins) }),
};

export default config;
