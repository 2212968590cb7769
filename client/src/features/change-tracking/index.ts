import ChangeTracker from './ChangeTracker';

export default {
  __init__: ['changeTracker'],
  changeTracker: ['type', ChangeTracker],
};
