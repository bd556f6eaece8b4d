// Small line icons per Plex section type; drawn inline so the window needs no icon font or network.
const paths: Record<string, string> = {
  movie: 'M4 5h16v14H4zM4 9h16M4 15h16M8 5v4M8 15v4M16 5v4M16 15v4',
  show: 'M3 7h18v11H3zM8 21h8M9 3l3 4 3-4',
  artist: 'M9 18V6l11-2v12M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0zM20 16a3 3 0 1 1-6 0 3 3 0 0 1 6 0z',
  photo: 'M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15 9.5a1.5 1.5 0 1 0 0-.01',
}

const typeNames: Record<string, string> = {
  movie: 'Movie library',
  show: 'TV library',
  artist: 'Music library',
  photo: 'Photo library',
}

export function libraryTypeName(type: string): string {
  return typeNames[type] ?? type
}

export function LibraryIcon({ type }: { type: string }) {
  return (
    <svg className="library-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <path
        d={paths[type] ?? paths.movie}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
