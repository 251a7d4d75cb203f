// Runs a project tool (from node_modules/.bin) as one step of a script, failing loudly.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { projectRoot } from './paths.ts'

export function runStep(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const binary = path.join(projectRoot, 'node_modules', '.bin', tool)
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd: projectRoot, stdio: 'inherit', env })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${tool} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`))
    })
  })
}
