/**
 * The Appium driver each device kind needs, by the name Appium knows it and its npm package. A
 * module of its own, with no imports: the command line reads it before anything else loads, to
 * warm the embedded server up with the right driver.
 */
export const APPIUM_DRIVERS = {
  android: { name: 'uiautomator2', pkg: 'appium-uiautomator2-driver' },
  ios: { name: 'xcuitest', pkg: 'appium-xcuitest-driver' },
  sim: { name: 'draftvault-sim', pkg: 'draftvault-sim-driver' },
} as const;

/** The device kind a `--device` value names (`sim:demo` → sim), if any. */
export function kindOf(device: string): keyof typeof APPIUM_DRIVERS | undefined {
  const kind = device.split(':', 1)[0]!;
  return kind in APPIUM_DRIVERS ? (kind as keyof typeof APPIUM_DRIVERS) : undefined;
}
