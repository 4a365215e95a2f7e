import { describe, expect, it } from "vitest";
import { createCxData, type WebApiReader } from "../../src/data/cxData";
import { parseSettings } from "../../src/data/settings";

/** A definition row as the Web API returns it for the settings query. */
function definition(defaultvalue: string | null, ...values: Array<string | null>) {
  return {
    environmentvariabledefinitionid: "0f0f0f0f-0000-4000-8000-000000000001",
    schemaname: "cx_Settings",
    defaultvalue,
    environmentvariabledefinition_environmentvariablevalue: values.map((value) => ({ value })),
  };
}

describe("the settings the panel reads", () => {
  it("come from the definition's default value when the environment has no value of its own", () => {
    expect(parseSettings([definition('{"windowDays":90,"followUpEnabled":true}')])).toEqual({ windowDays: 90 });
  });

  it("take the environment's value over the default value", () => {
    expect(parseSettings([definition('{"windowDays":365}', '{"windowDays":30}')])).toEqual({ windowDays: 30 });
  });

  it("use the default value when the environment's value is blank", () => {
    expect(parseSettings([definition('{"windowDays":90}', "  ")])).toEqual({ windowDays: 90 });
    expect(parseSettings([definition('{"windowDays":90}', null)])).toEqual({ windowDays: 90 });
  });

  it("keep the other settings' keys out of the way and accept 365.0 as a whole number", () => {
    expect(parseSettings([definition('{"trendDropPoints":20,"expectedDays":{"onboarding":30},"windowDays":365.0}')])).toEqual({ windowDays: 365 });
  });

  it("accept the bounds of one day and ten years", () => {
    expect(parseSettings([definition('{"windowDays":1}')])).toEqual({ windowDays: 1 });
    expect(parseSettings([definition('{"windowDays":3650}')])).toEqual({ windowDays: 3650 });
  });
});

describe("settings the panel cannot use", () => {
  it("mean the 365-day window when there is no definition", () => {
    expect(parseSettings([])).toEqual({ windowDays: 365 });
    expect(parseSettings(undefined)).toEqual({ windowDays: 365 });
    expect(parseSettings([definition(null)])).toEqual({ windowDays: 365 });
  });

  it("mean the 365-day window when the JSON is broken or not an object", () => {
    for (const json of ["{windowDays: 90}", '{"windowDays":90', "[90]", "90", "null", '"90"']) {
      expect(parseSettings([definition(json)]), json).toEqual({ windowDays: 365 });
    }
  });

  it("mean the 365-day window when windowDays is not a whole number from 1 to 3650", () => {
    for (const bad of ["0", "-30", "3651", "90.5", '"90"', "null", "true", "1e9"]) {
      expect(parseSettings([definition(`{"windowDays":${bad}}`)]), bad).toEqual({ windowDays: 365 });
    }
  });

  it("mean the 365-day window when the environment's value is broken, even with a good default (the value wins)", () => {
    expect(parseSettings([definition('{"windowDays":90}', "{oops")])).toEqual({ windowDays: 365 });
  });

  it("mean the 365-day window when a key is left out", () => {
    expect(parseSettings([definition('{"followUpEnabled":false}')])).toEqual({ windowDays: 365 });
  });
});

describe("the settings request", () => {
  it("asks once for the cx_Settings definition with the environment's value expanded", async () => {
    const calls: Array<{ table: string; options?: string }> = [];
    const webApi = {
      retrieveMultipleRecords: (table: string, options?: string) => {
        calls.push({ table, options });
        return Promise.resolve({ entities: [definition('{"windowDays":365}', '{"windowDays":90}')] });
      },
      retrieveRecord: () => Promise.reject(new Error("not expected")),
    } as unknown as WebApiReader;
    expect(await createCxData(webApi).settings()).toEqual({ windowDays: 90 });
    expect(calls).toEqual([
      {
        table: "environmentvariabledefinition",
        options:
          "?$select=defaultvalue,schemaname&$filter=schemaname eq 'cx_Settings'" +
          "&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)",
      },
    ]);
  });

  it("gives the 365-day window instead of failing when the request is refused", async () => {
    const webApi = {
      // Xrm.WebApi rejects with a plain object.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      retrieveMultipleRecords: () => Promise.reject({ errorCode: 5, message: "Principal user is missing prvReadEnvironmentVariableDefinition" }),
      retrieveRecord: () => Promise.reject(new Error("not expected")),
    } as unknown as WebApiReader;
    expect(await createCxData(webApi).settings()).toEqual({ windowDays: 365 });
  });

  it("gives the 365-day window when the Web API throws before answering", async () => {
    const webApi = {
      retrieveMultipleRecords: () => {
        throw new Error("Resource not found for the segment 'environmentvariabledefinition'.");
      },
      retrieveRecord: () => Promise.reject(new Error("not expected")),
    } as unknown as WebApiReader;
    expect(await createCxData(webApi).settings()).toEqual({ windowDays: 365 });
  });
});
