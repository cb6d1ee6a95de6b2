import type { Preview } from "@storybook/react-vite";
import { mswLoader } from "msw-storybook-addon/csf3";
import { loadDemo, prepareDemo, withDemo } from "../stories/support/demo";
import { demoArgs, demoArgTypes } from "../stories/support/fakeControls";
import "../stories/support/demo.css";
import { fakeElasticPathHandlers } from "../stories/support/fakeHandlers";
import { realStore } from "../stories/support/realStore";

const preview: Preview = {
  // mswLoader starts the service worker once and installs `parameters.msw` for each story;
  // loadDemo creates the story's fake, which those handlers answer with.
  loaders: [mswLoader(), loadDemo],
  beforeEach: prepareDemo,
  decorators: [withDemo],
  args: demoArgs,
  argTypes: demoArgTypes,
  parameters: {
    // Against a real store nothing is mocked: requests go to VITE_EP_BASE_URL.
    msw: { handlers: realStore ? [] : fakeElasticPathHandlers },
    // Accessibility violations fail the story's test.
    a11y: { test: "error" },
    controls: { expanded: true },
    options: {
      storySort: {
        order: [
          "Storefront (customers)",
          "Guest cart at login (merge)",
          "My carts (customer)",
          "B2B accounts (account members)",
          "Failure modes",
          "Exactly once",
        ],
      },
    },
    layout: "padded",
  },
};

export default preview;
