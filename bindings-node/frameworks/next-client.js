// imgsign/next/client (CommonJS): what a client component may import. No key, no core.

// A `next/image` loader writing the keyless public path that `images.redirect` answers with
// a 302 to the signed URL: `${prefix}${src}?width=<width>`, each segment of `src`
// percent-encoded as a URL component (a space in a srcset entry would split it).
function publicLoader({ prefix = '' } = {}) {
  return ({ src, width }) => {
    const path = src.split('/').map(encodeURIComponent).join('/')
    return `${prefix}${path.startsWith('/') ? '' : '/'}${path}?width=${width}`
  }
}

module.exports = { publicLoader }
