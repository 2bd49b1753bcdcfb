/**
 * What every device kind (android, ios, sim) provides to the layers above. Only adapters know
 * Appium capability names, driver settings, the app's id, how files are listed and pulled on
 * that kind of device, and the drivers' error texts: jobs never branch on the device kind.
 */
import type { DeviceFacts as SelectorFacts } from '../core/selectors.js';
import type { DraftvaultError } from '../errors.js';

/** Device kinds draftvault can drive. */
export type DeviceKind = 'android' | 'ios' | 'sim';

/** The TikTok builds draftvault knows: the global app (`com.zhiliaoapp.musically`) and TikTok's Japanese/Korean build. */
export type TikTokApp = 'musically' | 'trill';

/** A device as the user named it (`--device`). */
export interface DeviceRef {
  kind: DeviceKind;
  /** Real device udid/serial, or the simulated phone's name. Undefined = the only one attached. */
  id?: string;
  /** For `sim`: the platform the simulated phone plays. */
  platform: 'android' | 'ios';
}

/** What flows key on about a device, and its name in logs, folders and reports. */
export interface DeviceFacts extends SelectorFacts {
  device: string;
}

/** What a device's file access needs to know. */
export interface DeviceIOContext {
  session: WebdriverIO.Browser;
  device: DeviceRef;
  /** True when the Appium server runs on this computer (a USB phone is reachable by adb). */
  local: boolean;
  signal: AbortSignal;
}

/** Files on the phone, the way this device kind allows (paths already checked by the caller). */
export interface DeviceIO {
  /** Names of the files directly in a folder (empty when it does not exist). */
  list(dir: string): Promise<string[]>;
  /** Copy a phone file into a local file. */
  pull(remote: string, local: string): Promise<void>;
  /** Write bytes to a phone file (e.g. a video for the gallery). */
  push(remote: string, bytes: Buffer): Promise<void>;
  /** Delete a phone file. */
  delete(remote: string): Promise<void>;
  /** The installed version of an app, when the device tells. */
  appVersion(appId: string): Promise<string | undefined>;
}

/** Phone folders the jobs use on this device kind. */
export interface MediaFolders {
  /** Where TikTok's "Save to device" / "Save video" puts videos. */
  saved: string;
  /** Where a restore puts a video so that TikTok's picker shows it. */
  restore: string;
  /**
   * Device folders the jobs may use on this kind besides the configured ones (the config's
   * defaults are Android's shared media folders; an iPhone's media partition has other names).
   */
  roots?: readonly string[];
  /** Set when saved copies cannot be deleted here (`--cleanup-device`): why, and what to do instead. */
  noCleanup?: string;
}

/** Is the device there, before any session (e.g. its adb state)? */
export interface DeviceReach {
  ok: boolean;
  /** What was seen, in words ("R58M123 is connected (device)", "reconnected once: was offline"). */
  detail: string;
  /** The exact fix when not ok. */
  fix?: string;
  /** The device's own id when the user named none (`android` with one phone attached). */
  id?: string;
}

/** A battery reading. */
export interface BatteryReading {
  /** 0..100. */
  percent: number;
  /** Undefined when the device does not say. */
  charging?: boolean;
}

/** Free space on the phone's shared storage, where Save to device writes. */
export interface StorageReading {
  /** Undefined when this kind of device (or this server) cannot tell. */
  freeBytes?: number;
  /** How it was read, or why it could not be ("adb shell df -k /sdcard"). */
  how: string;
}

/** What an unattended run checks on a device before any TikTok step, read the way the kind allows. */
export interface DevicePreflight {
  /** Before a session: is the device reachable? May repair once (adb reconnect of an offline phone). */
  reach(
    device: DeviceRef,
    o: { env: NodeJS.ProcessEnv; local: boolean; signal: AbortSignal },
  ): Promise<DeviceReach>;
  /** In a session: is the screen locked (asleep counts as locked)? Undefined when unknown. */
  isLocked(ctx: DeviceIOContext): Promise<boolean | undefined>;
  /** In a session: wake and unlock the screen (lock screens without a PIN, or with the unlock capabilities). */
  unlock(ctx: DeviceIOContext): Promise<void>;
  battery(ctx: DeviceIOContext): Promise<BatteryReading | undefined>;
  storage(ctx: DeviceIOContext): Promise<StorageReading>;
  /** Is the app installed? Undefined when the driver cannot tell. */
  appInstalled(ctx: DeviceIOContext, appId: string): Promise<boolean | undefined>;
}

/** A device adapter: one per device kind. */
export interface DeviceAdapter {
  readonly kind: DeviceKind;
  /** Driver-prefixed insecure features the embedded server must enable for this kind. */
  readonly insecureFeatures: readonly string[];
  /** The Appium driver this kind needs: the embedded server loads only it (each driver costs startup time). */
  readonly appiumDriver: string;
  /** W3C capabilities that open a session on this device. */
  capabilities(device: DeviceRef, extra?: Record<string, unknown>): Record<string, unknown>;
  /**
   * Capabilities that keep session number `slot` (0, 1, ...) of one server off the other
   * sessions' local ports (UiAutomator2's systemPort, XCUITest's wdaLocalPort, the MJPEG
   * screen stream): parallel sessions on one server need distinct ones.
   */
  sessionPorts(slot: number): Record<string, number>;
  /** Capabilities that open this TikTok build (E_CONFIG when the kind cannot name it). */
  appCapabilities(app: TikTokApp): Record<string, unknown>;
  /** Check the final capabilities against the driver's rules before anything starts (E_CONFIG). */
  validateCapabilities(caps: Record<string, unknown>, device: DeviceRef): Promise<void>;
  /** Turn a session-creation failure into an error that names the device and the fix. */
  explainSessionError(err: Error, device: DeviceRef): DraftvaultError | undefined;
  /** Session settings this kind needs (e.g. UiAutomator2's idle wait), then the app id. */
  prepare(session: WebdriverIO.Browser, device: DeviceRef): Promise<{ appId: string }>;
  /** File access on this device. */
  io(ctx: DeviceIOContext): DeviceIO;
  /** The phone folders the jobs use. */
  media(device: DeviceRef): MediaFolders;
  /** The readings a nightly run's preflight needs. */
  readonly preflight: DevicePreflight;
}
