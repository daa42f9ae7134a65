// A Server Component: src and srcSet signed on the server through getImageProps.
import { images } from '../lib/images'
import ClientGallery from './client-gallery'

export const dynamic = 'force-dynamic' // the key is read at run time, never at build time

export const PHOTOS = [
  '/photos/mountain.jpg',
  '/photos/lake side.png',
  "/photos/a+b (1)!'*.jpg",
  '/photos/café/ünïcode.png',
]

export default function Page() {
  return (
    <main>
      <h1>Signed on the server</h1>
      {PHOTOS.map((src) => (
        // biome-ignore lint/a11y/useAltText: alt is in the props
        // [readme:next-page]
        <img
          key={src}
          {...images.imageProps({
            src,
            width: 800,
            height: 600,
            alt: '',
            sizes: '100vw',
            params: { fit: 'crop' },
          })}
        />
        // [/readme]
      ))}
      <h1>Client components: keyless paths, redirected to signed URLs</h1>
      <ClientGallery photos={PHOTOS} />
    </main>
  )
}
