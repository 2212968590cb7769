import PaletteKeyboard from './PaletteKeyboard';

export default {
  __init__: ['paletteKeyboard'],
  paletteKeyboard: ['type', PaletteKeyboard],
};
