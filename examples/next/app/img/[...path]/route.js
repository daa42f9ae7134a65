// /img/<path>?<params> → 302 to the signed URL of <path>: client components need no key.
import { images } from '../../../lib/images'

// [readme:next-route]
export const GET = images.redirect({ prefix: '/img' })
// [/readme]
