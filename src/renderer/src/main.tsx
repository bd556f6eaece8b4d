import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Tokens and base first: each feature's CSS, imported by its components, comes after and builds on them.
import './styles.css'
import { App } from './App'

const container = document.getElementById('root')
if (container === null) throw new Error('index.html has no #root element to mount the app into')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
