import { BaseDriver } from '@appium/base-driver';
export class SimDriver extends BaseDriver<any> {
  override async getPageSource() {
    return '<hierarchy/>';
  }
}
