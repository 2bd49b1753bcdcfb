import { describe, expect, it } from 'vitest';
import { parseAdbDevices } from '../../src/drivers/android/adb.js';
import { parseDeviceRef } from '../../src/drivers/index.js';

describe('adb devices -l', () => {
  it('parses usable, unauthorized, offline and no-permission devices', () => {
    const out = [
      '* daemon not running; starting now at tcp:5037',
      '* daemon started successfully',
      'List of devices attached',
      'R58M12345ABC           device usb:1-1 product:beyond1lteeea model:SM_G973F device:beyond1 transport_id:1',
      'emulator-5554          unauthorized usb:1-2 transport_id:2',
      '0123456789             offline transport_id:3',
      'ZY22ABCDEF             no permissions (user in plugdev group; are your udev rules wrong?); see [http://developer.android.com/tools/device.html] usb:1-3 transport_id:4',
      '',
    ].join('\n');
    const devices = parseAdbDevices(out);
    expect(devices.map((d) => [d.serial, d.state])).toEqual([
      ['R58M12345ABC', 'device'],
      ['emulator-5554', 'unauthorized'],
      ['0123456789', 'offline'],
      ['ZY22ABCDEF', 'no permissions'],
    ]);
    expect(devices[0]!.props.model).toBe('SM_G973F');
  });
});

describe('--device', () => {
  it('parses every form', () => {
    expect(parseDeviceRef('sim')).toEqual({ kind: 'sim', id: 'sim-1', platform: 'android' });
    expect(parseDeviceRef('sim:b')).toEqual({ kind: 'sim', id: 'b', platform: 'android' });
    expect(parseDeviceRef('sim-ios')).toEqual({ kind: 'sim', id: 'sim-1', platform: 'ios' });
    expect(parseDeviceRef('android')).toEqual({ kind: 'android', id: undefined, platform: 'android' });
    expect(parseDeviceRef('ios:00008030-001')).toEqual({ kind: 'ios', id: '00008030-001', platform: 'ios' });
    expect(parseDeviceRef('R58M12345ABC')).toEqual({
      kind: 'android',
      id: 'R58M12345ABC',
      platform: 'android',
    });
  });
  it('rejects garbage with E_USAGE', () => {
    expect(() => parseDeviceRef('a b')).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    expect(() => parseDeviceRef('sim:a b')).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });
});
