/**
 * The host page's script. With `?kit` it mounts consent-kit (styles and all, loaded only then)
 * so a test can compare the host's own elements with and without the kit on the page.
 */
const params = new URLSearchParams(location.search);
if (params.has('kit')) {
  void import('./mount-kit.js').then(({ mountKit }) =>
    mountKit(document.getElementById('kit')!, params.get('kit') ?? ''),
  );
} else {
  document.body.dataset.ready = 'true';
}
