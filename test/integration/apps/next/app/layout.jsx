import 'consent-kit/styles.css';

// No favicon request: the test allows no failed request.
export const metadata = { title: 'Next host', icons: { icon: 'data:,' } };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
