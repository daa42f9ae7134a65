'use client'
// A Client Component: next/image with a loader that writes keyless public paths; the
// route app/img/[...path]/route.js answers each with a 302 to the signed URL.
import { publicLoader } from 'imgsign/next/client'
import Image from 'next/image'

const loader = publicLoader({ prefix: '/img' })

export default function ClientGallery({ photos }) {
  return photos.map((src) => <Image key={src} loader={loader} src={src} width={400} height={300} alt="" />)
}
