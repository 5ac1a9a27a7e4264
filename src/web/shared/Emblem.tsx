/** The system's mark (a globe over a seal-red disc): not the national emblem, which only state organs may show. */
export function Emblem({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden focusable="false" style={{ flexShrink: 0 }}>
      <circle cx="32" cy="32" r="31" fill="#c8161d" />
      <circle cx="32" cy="32" r="27" fill="none" stroke="#f5d58a" strokeWidth="1.5" />
      <circle cx="32" cy="32" r="16" fill="none" stroke="#fff" strokeWidth="3" />
      <path d="M16 32h32M32 16c-7 9-7 23 0 32M32 16c7 9 7 23 0 32M19.5 24h25M19.5 40h25" fill="none" stroke="#fff" strokeWidth="2" />
    </svg>
  );
}
