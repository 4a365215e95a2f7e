// Lints the built files in dist/ as the Power Apps checker sees them once imported: plain ES2018 scripts,
// every @microsoft/power-apps rule plus the core rules the checker maps (strict, eqeqeq, no-eval, ...).
import powerApps from "@microsoft/eslint-plugin-power-apps";
import globals from "globals";

const powerAppsRules = Object.fromEntries(Object.keys(powerApps.rules).map((rule) => [`@microsoft/power-apps/${rule}`, "error"]));

export default [
  {
    files: ["dist/**/*.js"],
    languageOptions: { ecmaVersion: 2018, sourceType: "script", globals: { ...globals.browser, Xrm: "readonly" } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "@microsoft/power-apps": powerApps },
    rules: {
      ...powerAppsRules,
      strict: ["error", "global"],
      eqeqeq: "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-alert": "error",
      "no-console": "error",
      "no-debugger": "error",
      "no-with": "error",
    },
  },
];
