/**
 * The config sections of unattended runs (issue 13): which phones, where backups go, when the
 * nightly runs, what preflight requires, whom to tell, how many reports to keep. Declared once
 * with zod: the same schema validates the YAML (file:line:col errors), types the code and writes
 * the editor JSON Schema. Every field has a default that needs nothing for the simulated phone.
 */
import { z } from 'zod';
import { parseDeviceRef } from '../drivers/device-ref.js';
import { DraftvaultError } from '../errors.js';

/** A time of day, 24 h, local time: "03:00". */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A `--device` value, checked with the CLI's own grammar (so the hint says "did you mean"). */
const deviceRef = z.string().superRefine((v, ctx) => {
  try {
    parseDeviceRef(v);
  } catch (err) {
    if (!(err instanceof DraftvaultError)) throw err;
    ctx.addIssue({ code: 'custom', message: err.message, params: { hint: err.hint } });
  }
});

/** An http(s) URL (a webhook, an Appium server). */
export const httpUrl = z.string().superRefine((v, ctx) => {
  let ok = false;
  try {
    const u = new URL(v);
    ok = (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    ok = false;
  }
  if (!ok)
    ctx.addIssue({
      code: 'custom',
      message: `"${v}" is not an http(s) URL`,
      params: { hint: 'e.g. url: https://hooks.example.org/draftvault or http://127.0.0.1:8080/hook' },
    });
});

const MiB = 1024 * 1024;

/** The config sections of unattended runs (merged into the config file's schema). */
export const nightlyShape = {
  devices: z
    .array(deviceRef)
    .min(1)
    .default(['sim'])
    .describe('the phones `schedule install` and `daemon` back up when no --device is given'),
  backup: z
    .object({
      folder: z
        .string()
        .min(1)
        .optional()
        .describe(
          'backup root (a folder per device inside); relative to this file; default <data home>/backups; --out wins',
        ),
    })
    .strict()
    .prefault({}),
  schedule: z
    .object({
      at: z
        .string()
        .regex(TIME_OF_DAY, 'a time of day HH:MM (24 h, local time), e.g. "03:00"')
        .default('03:00')
        .describe('when the nightly runs (local time); --at wins'),
    })
    .strict()
    .prefault({}),
  preflight: z
    .object({
      minBattery: z
        .number()
        .int()
        .min(0)
        .max(100)
        .default(20)
        .describe('the run stops before any TikTok step below this battery level (percent)'),
      unlock: z
        .boolean()
        .default(true)
        .describe(
          'wake and unlock a locked screen (no PIN, or the unlock capabilities); false: stop and say so',
        ),
      expectedVideos: z
        .number()
        .int()
        .min(1)
        .max(100_000)
        .default(10)
        .describe('videos to make room for, on the phone and the computer, when --limit is not given'),
      videoBytes: z
        .number()
        .int()
        .min(1)
        .max(2 ** 50)
        .default(50 * MiB)
        .describe('room per video (bytes); the largest video already backed up counts if larger'),
    })
    .strict()
    .prefault({}),
  notify: z
    .object({
      when: z
        .enum(['failure', 'always', 'never'])
        .default('failure')
        .describe('notify after runs that failed (exit code not 0), after every run, or never'),
      webhook: z
        .object({
          url: httpUrl.describe('POSTed a JSON summary of the run'),
          headers: z
            .record(z.string(), z.string())
            .default({})
            .describe('extra HTTP headers (e.g. Authorization); never written to reports'),
        })
        .strict()
        .optional(),
      command: z
        .array(z.string().min(1))
        .min(1)
        .optional()
        .describe(
          'a program and its arguments (no shell): the summary on stdin, DRAFTVAULT_REPORT = the HTML report',
        ),
      timeoutSeconds: z.number().int().min(1).max(300).default(10).describe('per notification'),
    })
    .strict()
    .prefault({}),
  reports: z
    .object({
      keep: z
        .number()
        .int()
        .min(1)
        .max(10_000)
        .default(30)
        .describe('report folders kept per device; older ones (and their run folders) are deleted'),
    })
    .strict()
    .prefault({}),
};

/** The nightly sections, parsed. */
export type NightlyConfig = z.infer<z.ZodObject<typeof nightlyShape>>;
