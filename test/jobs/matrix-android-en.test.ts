/** The matrix (test/helpers/matrix.ts): android-en. */
import { matrixSuite } from '../helpers/matrix.js';

matrixSuite('android-en');
