// The signing helpers, in a server-only module: importing it from a client component fails
// the build, so the key (read from the environment here) never reaches the browser.
// [readme:next-lib]
import 'server-only'
import { UrlBuilder } from 'imgsign'
import { createImages } from 'imgsign/next'
import { getImageProps } from 'next/image'

// Without IMGSIGN_KEY (a build without secrets) the builder makes unsigned URLs.
const builder = new UrlBuilder(process.env.IMGSIGN_DOMAIN ?? 'img.example.com', {
  key: process.env.IMGSIGN_KEY,
})
export const images = createImages({ builder, getImageProps })
// [/readme]
