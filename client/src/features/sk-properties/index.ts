import SkPropertiesProvider from './SkPropertiesProvider';

export default {
  __init__: ['skPropertiesProvider'],
  skPropertiesProvider: ['type', SkPropertiesProvider],
};
