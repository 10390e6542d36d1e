// Preloaded (node --import) where /usr/bin/time is missing: reports the process's peak memory on exit, on stderr.
process.on('exit', () => {
  process.stderr.write(`\n{"maxRssKb": ${process.resourceUsage().maxRSS}}\n`);
});
