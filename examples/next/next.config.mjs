/** @type {import('next').NextConfig} */
const config = {
  // [readme:next-config]
  // imgsign's native addon is loaded by Node at run time: it cannot be bundled.
  serverExternalPackages: ['imgsign'],
  // [/readme]
}
export default config
