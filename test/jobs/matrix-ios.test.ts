/** The matrix (test/helpers/matrix.ts): ios. */
import { matrixSuite } from '../helpers/matrix.js';

matrixSuite('ios');
