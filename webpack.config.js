/**
 * Build of the Excel add-in (yo office shape): `taskpane` and `commands` entries, HTML pages,
 * assets + manifest copied, dev server on https://localhost:3000 with office-addin-dev-certs.
 *
 * Environment options (see docs/deploy.md):
 *   OFFICE_JS=bundled   copy office.js from @microsoft/office-js into the build and load it from the
 *                       add-in's own server (air-gapped intranets) instead of the Microsoft CDN.
 *   ADDIN_URL=https://host/path/   production address; rewrites https://localhost:3000/ in dist/manifest.xml.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const OFFICE_CDN_URL = `${OFFICE_CDN}/lib/1/hosted/office.js`;

function addinUrl() {
  const raw = process.env.ADDIN_URL;
  if (!raw) return DEV_URL;
  const url = raw.endsWith('/') ? raw : `${raw}/`;
  if (!/^https:\/\/[^\s"<>]+\/$/.test(url)) {
    throw new Error(`ADDIN_URL phải là địa chỉ https://… (nhận được: ${raw})`);
  }
  return url;
}

function officeJsMode() {
  const mode = process.env.OFFICE_JS || 'cdn';
  if (mode !== 'cdn' && mode !== 'bundled') {
    throw new Error(`OFFICE_JS chỉ nhận "cdn" hoặc "bundled" (nhận được: ${mode})`);
  }
  return mode;
}

function csp(officeJs) {
  const scriptSrc = officeJs === 'bundled' ? "'self'" : `'self' ${OFFICE_CDN}`;
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "connect-src 'self'",
    // Fluent UI (Griffel) injects its styles at run time
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // the reader worker of "Tổng hợp" (reader-worker.[hash].js) comes from the add-in's own server
    "worker-src 'self'",
  ].join('; ');
}

/** The reader worker's one bundle file (self-contained: kept out of splitChunks). */
const WORKER = 'reader-worker';
function workerScript(compilation) {
  const entry = compilation.entrypoints.get(WORKER);
  const files = entry ? entry.getFiles().filter((f) => f.endsWith('.js')) : [];
  if (files.length !== 1) throw new Error(`${WORKER}: expected one bundle, got ${files.join(', ')}`);
  return files[0];
}

module.exports = async (env, argv) => {
  const serve = Boolean(env && env.WEBPACK_SERVE);
  const production = argv.mode === 'production';
  const officeJs = officeJsMode();
  const officeJsSrc = officeJs === 'bundled' ? 'office-js/office.js' : OFFICE_CDN_URL;
  const url = addinUrl();

  // both pages from one template (src/addin.html): the same CSP, office.js and bootstrap tag
  const page = (name, chunks, title, withWorker = false) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: './src/addin.html',
      chunks,
      // the page's own bootstrap (legacy.js) loads the bundles, so old webviews never parse them
      inject: false,
      minify: production ? { collapseWhitespace: true, removeComments: true } : false,
      templateParameters: (compilation, assets) => ({
        title,
        csp: csp(officeJs),
        officeJsSrc,
        mainScripts: assets.js.join(' '),
        workerScript: withWorker ? workerScript(compilation) : undefined,
      }),
    });

  const config = {
    mode: production ? 'production' : 'development',
    // never an eval-based devtool: the pages' CSP forbids eval
    devtool: 'source-map',
    // modern webviews only (IE11/EdgeHTML stop at legacy.js): native globalThis, no `new Function` shim
    target: ['web', 'es2020'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      // "Tổng hợp" reads each picked file in this worker (never loaded at first paint)
      [WORKER]: './src/taskpane/readerWorker.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // dist/ also holds the CLI (scripts/build-cli.mjs: cli.js, its map and code cache, the reader
      // worker, vendor-*.js): `npm run build` builds the CLI first, so the add-in build keeps those
      clean: { keep: /^(cli\.js|consolidate-worker\.js|vendor-[\w-]+\.js)/ },
      publicPath: 'auto',
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // one fflate for `import` and the reader's lazy `require` (src/io/zip.ts): its ES module
      alias: { fflate$: path.resolve(__dirname, 'node_modules/fflate/esm/browser.js') },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules so webpack can tree-shake and split at dynamic import()
              compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        // the worker bundle stays one self-contained file (a worker cannot use the page's chunks)
        chunks: (chunk) => chunk.name !== WORKER,
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            priority: 20,
          },
          // only what the first paint uses: the Fluent components of the lazily loaded sections
          // (the evaluation, the upward flow, help) come with those chunks
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc)[\\/]/,
            name: 'fluent',
            chunks: 'initial',
            priority: 10,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      page('taskpane', ['taskpane'], 'Tiêu chí', true),
      page('commands', ['commands'], 'Tiêu chí — lệnh'),
      // the help page: rendered from the pane's own help texts (src/taskpane/help.ts)
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/taskpane/helpPage.ts',
        chunks: [],
        inject: false,
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/legacy.js', to: 'legacy.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_URL).join(url),
          },
          ...(officeJs === 'bundled'
            ? [
                {
                  from: 'node_modules/@microsoft/office-js/dist',
                  to: 'office-js',
                  globOptions: { ignore: ['**/*.debug.js', '**/*.d.ts'] },
                },
              ]
            : []),
        ],
      }),
    ],
  };

  if (serve) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      static: false,
      client: { overlay: false },
    };
  }
  return config;
};
