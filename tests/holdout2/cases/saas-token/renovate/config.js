module.exports = {
  platform: 'github',
  token: process.env.RENOVATE_TOKEN,
  gitAuthor: 'Renovate Bot <bot@renovateapp.com>',
  hostRules: [
    {
      matchHost: 'npm.pkg.github.com',
      token: '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',
    },
    {
      matchHost: 'ghcr.io',
      username: 'acme-bot',
      password: process.env.GHCR_TOKEN,
    },
  ],
  repositories: ['acme-platform/infra-live'],
};
