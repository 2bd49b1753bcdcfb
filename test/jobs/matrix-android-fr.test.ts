/** The matrix (test/helpers/matrix.ts): android-fr. */
import { matrixSuite } from '../helpers/matrix.js';

matrixSuite('android-fr');
