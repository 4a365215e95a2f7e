// ESLint 9 flat config: the Power Apps checker's rules (all of them, as errors) plus typescript-eslint.
import js from "@eslint/js";
import powerApps from "@microsoft/eslint-plugin-power-apps";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The plugin turns every rule off by default. All 26 rules are switched on as errors: each guards form
 * scripts or HTML web resources (the ribbon-only avoid-ui-refreshribbon and the jQuery one cost nothing to keep).
 * Listing them from the plugin means a new rule in a later version is enforced too.
 */
const powerAppsRules = Object.fromEntries(Object.keys(powerApps.rules).map((rule) => [`@microsoft/power-apps/${rule}`, "error"]));

/** The checker's ESLint-mapped rules (web-use-strict-equality-operators, web-avoid-eval, ...) and no HTML from strings. */
const checkerCoreRules = {
  eqeqeq: "error",
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
  "no-alert": "error",
  "no-console": "error",
  "no-debugger": "error",
  "no-with": "error",
  "no-restricted-properties": [
    "error",
    { object: "Xrm", property: "Page", message: "Use the form context passed in (executionContext.getFormContext())." },
    { object: "parent", property: "Xrm", message: "The panel receives Xrm through setClientApiContext." },
    { object: "document", property: "write", message: "Build nodes; never write HTML." },
    { object: "document", property: "cookie", message: "No cookies in web resources." },
  ],
  "no-restricted-syntax": [
    "error",
    { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: "Untrusted text goes through textContent or createTextNode." },
    { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]", message: "No HTML from strings." },
  ],
};

export default tseslint.config(
  { ignores: ["build/**", "dist/**", "node_modules/**", "test-output/**"] },
  js.configs.recommended,
  {
    files: ["src/**/*.ts", "test/unit/**/*.ts"],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    plugins: { "@microsoft/power-apps": powerApps },
    rules: {
      ...powerAppsRules,
      ...checkerCoreRules,
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    // Test doubles legitimately build loose objects for the platform's types.
    files: ["test/unit/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    // The browser harness is a page of its own (a fake form), run as a classic script in Chromium.
    files: ["test/browser/**/*.js"],
    // It plays the host form, so the Power Apps rules about form DOM do not apply; the safety rules do.
    languageOptions: { sourceType: "script", ecmaVersion: 2018, globals: { ...globals.browser } },
    rules: checkerCoreRules,
  },
  {
    files: ["test/browser/**/*.mjs", "scripts/**/*.mjs", "*.mjs"],
    // Browser tests also hold callbacks that Playwright runs inside the page.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { eqeqeq: "error" },
  },
);
