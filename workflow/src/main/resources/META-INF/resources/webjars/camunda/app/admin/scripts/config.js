// ExpoFlow's settings of Camunda Admin (the rest of the webapp as it comes): see docs/adr/0036.
export default {
  // the webapps carry English and German only: a Chinese browser reads the English, never untranslated keys
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true
};
