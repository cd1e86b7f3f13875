export { basic, type BasicOptions } from './basic.js';
